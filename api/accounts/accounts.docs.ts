import type { SchemaDocs } from '../core';

/** Descriptions of staff accounts: one-time links, passwords, two-factor sign-in, sessions, the trail. */
export const ACCOUNTS_DOCS: SchemaDocs = {
  AccountLinkKind: {
    description: 'What a one-time link is for.',
    values: {
      FIRST_ADMIN: 'The first administrator of a new municipality: choose name, e-mail and password.',
      INVITATION: 'An invited staff member: choose a password.',
      RESET: 'A new password, issued by an administrator.',
    },
  },
  AccountLinkInfo: {
    description: 'What a one-time link opens (shown before it is used).',
    fields: {
      kind: 'What the link is for.',
      municipalityName: 'The municipality the account belongs to.',
      name: "The invited person's name; null for FIRST_ADMIN.",
      email: 'The e-mail address to sign in with; null for FIRST_ADMIN.',
      expiresAt: 'When the link stops working (UTC).',
      requireTwoFactor: 'Whether an authenticator app must be set up before the first sign-in.',
    },
  },
  RedeemAccountLinkInput: {
    description: 'Your own password, chosen with a one-time link.',
    fields: {
      token: 'The token after `#link=` in the link.',
      password: 'At least 12 characters, not a common or easily guessed password (checked with zxcvbn-ts and a list of common passwords).',
      name: 'FIRST_ADMIN only: your name (at most 100 characters).',
      email: 'FIRST_ADMIN only: your e-mail address, used to sign in.',
    },
  },
  RedeemedAccountLink: {
    description: 'The link was used: sign in now.',
    fields: {
      email: 'The e-mail address to sign in with.',
      twoFactorEnrolmentRequired: 'Whether an authenticator app must be set up first (beginTwoFactorEnrolment).',
    },
  },
  TwoFactorEnrolment: {
    description: 'An authenticator secret to confirm with a code (completeTwoFactorEnrolment) within 10 minutes.',
    fields: {
      ticket: 'Pass to completeTwoFactorEnrolment; works once, for 10 minutes.',
      secret: 'The TOTP secret (base32), for typing into an app.',
      otpauthUri: 'The otpauth:// URI (RFC 6238: SHA-1, 6 digits, 30 s) that apps read from a QR code.',
    },
  },
  CompletedTwoFactorEnrolment: {
    description: 'Two-factor sign-in is on; you are signed in.',
    fields: {
      recoveryCodes: 'Ten one-time recovery codes, shown this once: each signs in once in place of an app code.',
      token: 'An access token (as from login).',
      expiresAt: 'When the token stops working (UTC).',
    },
  },
  StaffSessionInfo: {
    description: 'One sign-in that still works.',
    fields: {
      id: 'The session (revokeSession).',
      createdAt: 'When it signed in (UTC).',
      expiresAt: 'When its token stops working (UTC).',
      twoFactor: 'Whether it signed in with a second factor.',
      current: 'Whether it is the session making this request.',
    },
  },
  InviteStaffMemberInput: {
    description: 'A staff member to invite (admins); they choose their own password with the link.',
    fields: {
      name: '氏名 — full name (at most 100 characters).',
      email: 'E-mail address (unique), used to sign in.',
      department: 'The department.',
      role: 'Role in the department.',
    },
  },
  IssuedAccountLink: {
    description: 'A one-time link for a staff member, shown this once: hand it over privately. Only its hash is stored.',
    fields: {
      member: 'The staff member.',
      url: 'The link (the token is in the fragment, never sent to a server by the browser).',
      expiresAt: 'When it stops working (UTC): 72 hours for an invitation, 24 hours for a reset.',
    },
  },
  MunicipalitySettings: {
    description: 'Settings of your municipality (admins).',
    fields: {
      code: '全国地方公共団体コード.',
      name: "The municipality's name.",
      requireTwoFactor: 'Staff must sign in with an authenticator app (on for new municipalities).',
    },
  },
  UpdateMunicipalitySettingsInput: {
    description: 'Settings to change; those left out stay as they are.',
    fields: { requireTwoFactor: 'Require two-factor sign-in for every staff member.' },
  },
  AdminEventInfo: {
    description: 'One change in the administration trail (append-only).',
    fields: {
      id: 'Sequence number.',
      at: 'When (UTC).',
      actorName: "Who made the change (or the operator's command line).",
      action: 'What, e.g. `staff.invited`, `staff.disabled`, `session.revoked`, `partner.created`.',
      subjectId: 'The id of what changed.',
      detail: "What changed (a role, a department), never a secret or a family's data.",
    },
  },
  BeginTwoFactorEnrolmentInput: { description: 'Who sets up an authenticator app.', fields: { email: 'Your e-mail address.', password: 'Your password.' } },
  CompleteTwoFactorEnrolmentInput: {
    description: 'The code that confirms the new secret.',
    fields: { ticket: 'From beginTwoFactorEnrolment.', code: 'The 6-digit code the app shows.' },
  },
  ChangePasswordInput: {
    description: 'Your password change.',
    fields: { currentPassword: 'Your current password.', newPassword: 'The new password (at least 12 characters, not common or easily guessed).' },
  },
  IssuePasswordResetLinkInput: {
    description: 'Whose password to reset (admins).',
    fields: {
      staffId: 'The member.',
      resetTwoFactor: 'Also remove their authenticator app when the link is used (a lost phone); they set up a new one at the next sign-in.',
    },
  },
  CreatePartnerOrganizationInput: { description: 'A partner NPO to register.', fields: { name: "The organisation's name (at most 200 characters)." } },
  StaffMember: {
    fields: {
      twoFactorEnabled: 'Whether the member signs in with an authenticator app.',
      passkeyCount: 'How many passkeys the member has registered as a second factor (0 when none); the count only, nothing of the keys.',
      invitationPending: 'Invited, and has not chosen a password yet.',
    },
  },
  MyTwoFactor: {
    description: 'Your own two-factor sign-in.',
    fields: { enabled: 'Whether you sign in with an authenticator app.', recoveryCodesLeft: 'Unused recovery codes (0 when not enabled).' },
  },
  MunicipalitySettingChange: {
    description: 'One difference between a settings file and the settings in force.',
    fields: {
      path: 'Where, e.g. `requireTwoFactor`, `allowedOrigins`, `departments.SINGLE_PARENT`.',
      before: 'The value in force (null: an origin being added).',
      after: 'The value in the file (null: an origin being removed).',
    },
  },
  MunicipalitySettingsImport: {
    description: 'What importing a settings file changes, or changed.',
    fields: { changes: 'Each difference (empty: the file matches what is in force).', applied: 'Whether the changes took effect (false for a dry run).' },
  },
  ImportMunicipalitySettingsInput: {
    description: 'A settings file as `municipalitySettingsYaml` exports it (keys left out stay as they are).',
    fields: { yaml: 'The YAML text (at most 64 KB).', apply: 'Make the changes; false (default) is a dry run that only lists them.' },
  },
  Query: {
    fields: {
      municipalitySettingsYaml:
        "Your municipality's settings as YAML, to keep in version control: name, two-factor sign-in, allowed origins, department names (admins). No secrets, nothing about families.",
      myTwoFactor: 'Whether your own account signs in with an authenticator app (any staff member).',
      accountLink: {
        description: 'What a one-time link is for (anyone holding it). NOT_FOUND when it expired or was used.',
        args: { token: 'The token after `#link=`.' },
      },
      staffSessions: {
        description: "Your sessions that still work, or (admins) a member's.",
        args: { staffId: 'A member of your municipality (admins); yours when left out.' },
      },
      municipalitySettings: "Your municipality's settings (admins).",
      adminEvents: { description: 'The administration trail of your municipality, newest first (admins).', args: { limit: 'How many (1–200).' } },
    },
  },
  Mutation: {
    fields: {
      redeemAccountLink: {
        description:
          'Choose your own password with a one-time link; the link is used up. A reset also ends every sign-in of the account. Errors: NOT_FOUND (expired or used), BAD_USER_INPUT on `input.password` (too short, common, easily guessed).',
        args: { input: 'The token and your password.' },
      },
      beginTwoFactorEnrolment: {
        description:
          'Set up an authenticator app: the password proves who you are (limited like login); returns a secret to confirm with completeTwoFactorEnrolment. CONFLICT when one is already set up.',
        args: { input: 'Your e-mail address and password.' },
      },
      completeTwoFactorEnrolment: {
        description:
          'Confirm the secret with a code from the app: two-factor sign-in is on, recovery codes are shown once, and you are signed in. BAD_USER_INPUT on `input.code` when wrong.',
        args: { input: 'The ticket and the code.' },
      },
      changePassword: {
        description: 'Change your own password; your other sessions end. BAD_USER_INPUT on `input.currentPassword` or `input.newPassword`.',
        args: { input: 'The current and the new password.' },
      },
      revokeSession: {
        description: "End a session at once: your own, or (admins) any of your municipality's. Recorded.",
        args: { id: 'StaffSessionInfo.id.' },
      },
      inviteStaffMember: {
        description:
          'Add a staff member without a password and get the one-time link with which they choose one (admins; recorded). BAD_USER_INPUT on `input.email` when it is in use.',
        args: { input: 'The new member.' },
      },
      issuePasswordResetLink: {
        description:
          'A one-time link with which a member chooses a new password (admins; recorded; earlier links stop working). Nobody but the member ever knows the password.',
        args: { input: 'The member, and whether to remove their authenticator app too.' },
      },
      createPartnerOrganization: {
        description:
          'Register a partner NPO (owning department, supervisor or admin; recorded); then issue its token with issuePartnerToken. BAD_USER_INPUT on `input.name` when the name is in use.',
        args: { input: 'The organisation.' },
      },
      importMunicipalitySettings: {
        description:
          "Compare a settings file with the settings in force and list the differences; with `apply`, make them in one transaction, each recorded (admins). BAD_USER_INPUT on `input.yaml` naming the key (never repeating the value) when the file cannot be read, is another municipality's, or holds a setting the same checks as the console would refuse.",
        args: { input: 'The file, and whether to apply it.' },
      },
      updateMunicipalitySettings: { description: "Change your municipality's settings (admins; recorded).", args: { input: 'What changes.' } },
    },
  },
};
