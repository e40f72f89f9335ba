import type { SchemaDocs } from '../core';

/** Descriptions of the administration screens' operations: departments, partners, the privacy notice. */
export const ADMINISTRATION_DOCS: SchemaDocs = {
  DepartmentNameInput: { description: 'A department and the name the municipality gives it.', fields: { department: 'Which of the six departments.' } },
  UpdatePartnerOrganizationInput: {
    description: "A change of a partner organisation's name or contact.",
    fields: { id: 'The organisation (`PartnerOrganization.id`).' },
  },
  PrivacyNotices: { description: 'The privacy notice in force and the versions published here (admins).' },
  PrivacyNoticeText: {
    description: 'One version of the privacy notice.',
    fields: {
      version: 'Its name; consents record it (`ConsentEvent.privacyNoticeVersion`).',
      ja: 'Japanese text.',
      en: 'English text.',
      jaEasy: 'やさしい日本語 text.',
      publishedBy: "The admin who published it; null for the seed file's text.",
    },
  },
  PublishPrivacyNoticeInput: {
    description: 'A new version of the privacy notice, in force from the next request. Published versions cannot be changed.',
    fields: {
      ja: 'Japanese text (at most 5,000 characters).',
      en: 'English text (at most 5,000 characters).',
      jaEasy: 'やさしい日本語 text (at most 5,000 characters).',
    },
  },
  ProgrammeSettingsView: {
    description: "The municipality's programmes as it sees them, with the console's changes (admins).",
    fields: { version: 'The version of the console settings (0: none saved yet); a save names it.', programmes: 'Every programme, switched off ones too.' },
  },
  ProgrammeSetting: {
    description: 'One programme of the catalogue as the municipality sees it.',
    fields: {
      id: 'The programme id.',
      name: "Its name in the reader's language (Japanese unless English).",
      level: 'national, prefectural or municipal (amounts can be changed for the last two only).',
      enabled: 'Whether families are told about it here.',
      contact: 'Its contact point, as stored (amount placeholders unfilled).',
      amounts: 'Its amounts that can be changed (none for national programmes).',
      changedHere: 'Which of contact, amounts, enabled the console changed (over the overrides file).',
    },
  },
  ProgrammeText: {
    description: 'A text in Japanese, English and やさしい日本語.',
    fields: { ja: 'Japanese.', en: 'English.', jaEasy: 'やさしい日本語 (furigana as 漢字{かんじ}).' },
  },
  ProgrammeAmountSetting: {
    description: 'One declared amount in yen.',
    fields: { key: 'Its name, e.g. monthlyCap.', value: 'The figure in force.', fileValue: 'The figure without the console (the files).' },
  },
  ProgrammeSettingsResult: {
    description: 'The differences a save makes (a dry run unless applied) and the settings afterwards.',
    fields: {
      settings: 'The settings after the save (as before for a dry run).',
      applied: 'False for a dry run or when nothing differs.',
      changes: 'Each difference: programmes.<id>.enabled, .contact.<locale>, .amounts.<key>.',
    },
  },
  ProgrammeTextInput: {
    description: 'A contact text in Japanese, English and やさしい日本語 (at most 500 characters each).',
    fields: { ja: 'Japanese.', en: 'English.', jaEasy: 'やさしい日本語 (furigana as 漢字{かんじ}).' },
  },
  ProgrammeAmountInput: {
    description: 'A declared amount and its figure in whole yen.',
    fields: { key: 'Its name, e.g. monthlyCap.', value: 'Whole yen, 0 or more.' },
  },
  ProgrammeChangeInput: {
    description: "One programme's changes; fields left out are the files' (the console wins over the overrides file).",
    fields: {
      programmeId: 'A programme of the catalogue.',
      enabled: 'Offered here or not.',
      contact: 'Its contact point here.',
      amounts: 'Only declared amounts of prefectural and municipal programmes.',
    },
  },
  ProgrammeSettingsInput: {
    description: "The municipality's whole console document of programme changes (a programme left out has only its file's changes).",
    fields: {
      municipalityCode: "Your municipality's code (another's is FORBIDDEN).",
      version: 'The version the screen read (ProgrammeSettingsView.version); another is CONFLICT.',
      apply: 'False (default): only list the differences.',
      programmes: 'Every programme the console changes.',
    },
  },
  AccessPolicyView: {
    description: "The municipality's access policy in force (admins): the table, the row rules in words, and the document as YAML.",
    fields: {
      version: 'The version of the console policy (0: none applied yet); an apply names it.',
      source: 'Where it comes from: console (applied here), file (seeds/policy/<code>.yaml) or default (seeds/policy/default.yaml).',
      yaml: 'The policy document as written, in the shape of seeds/policy/*.yaml (to download and keep in version control).',
      grants: 'Every cell: what each department (and partner) may do with each section (the owner reads and writes all).',
      roles: "The table's columns: department codes (and partner) with their names.",
      sections: "The table's rows: sections with their names.",
      rules: "The row rules in words, in the reader's language (Japanese unless English).",
      updatedAt: 'When an admin last applied it here (null unless applied in the console).',
      updatedBy: 'Who applied it, as the administration trail records them.',
    },
  },
  AccessPolicyName: {
    description: 'A column or row of the policy table and its name.',
    fields: { key: 'A department code, partner, or a section.', name: "Its name in the reader's language." },
  },
  AccessPolicyProblem: {
    description: "A problem of a policy document, at its key, as the policy files' parser reports it (it stops at the first).",
    fields: {
      key: 'The key path, e.g. rules.owner or sections.income.public-housing; (file) for the YAML itself.',
      message: "What is wrong, in the reader's language.",
    },
  },
  AccessPolicyChange: {
    description: 'One difference an access policy makes: a cell of the table or a row rule.',
    fields: {
      path: 'sections.<section>.<role> or rules.<rule>.',
      role: 'The department code or partner (null for a rule).',
      section: 'The section (null for a rule).',
      before: 'r, rw or - (a rule: its values, comma-separated).',
      after: 'r, rw or - (a rule: its values, comma-separated).',
      widens:
        'True when it shows personal information to more people (a read or write gained; fewer DV conditions or withheld sections; more referral statuses).',
    },
  },
  AccessPolicyResult: {
    description: 'The differences an access policy makes (a dry run unless applied) and the policy afterwards.',
    fields: {
      applied: 'False for a dry run or when nothing differs.',
      changes: 'Each difference, in table order, then the rules.',
      policy: 'The policy after the apply (as before for a dry run).',
    },
  },
  ResetAccessPolicyInput: {
    description: "Going back to the municipality's policy file (or the default one): the version the screen read.",
    fields: {
      municipalityCode: "Your municipality's code (another's is FORBIDDEN).",
      version: 'The version the screen read (AccessPolicyView.version); another is CONFLICT.',
      apply: 'False (default): only list the differences.',
    },
  },
  AccessPolicyInput: {
    description: "The municipality's whole access policy document and the version it was made from.",
    fields: {
      municipalityCode: "Your municipality's code (another's is FORBIDDEN).",
      version: 'The version the screen read (AccessPolicyView.version); another is CONFLICT.',
      yaml: 'The policy in the shape of seeds/policy/*.yaml (at most 64 KB).',
      apply: 'False (default): only list the differences.',
    },
  },
  Query: {
    fields: {
      accessPolicySettings: "The municipality's access policy in force, with its document and version (admins).",
      validateAccessPolicy: {
        description: "Check a policy document with the policy files' parser; lists the problem by key (empty: it would be accepted). Nothing changes (admins).",
        args: { yaml: 'The policy in the shape of seeds/policy/*.yaml.' },
      },
      programmeSettings: "The municipality's programmes with the console's changes (admins).",
      departments: 'The departments of your municipality with their local names, in the usual order (staff).',
      partnerTokens: {
        description: "A partner's API tokens, newest first, without secrets (admins and supervisors of the owning department).",
        args: { partnerId: 'The organisation (`PartnerOrganization.id`).' },
      },
      privacyNotices: 'The privacy notice in force and every version published (admins).',
    },
  },
  Mutation: {
    fields: {
      renameDepartment: {
        description:
          'Give a department its local name (admins; recorded). BAD_USER_INPUT on `input.name` (1 to 50 characters) or `input.department` (the municipality has no such department).',
        args: { input: 'The department and its name.' },
      },
      addDepartment: {
        description: 'Add one of the six departments the municipality did not have (admins; recorded). BAD_USER_INPUT on `input.department` when it exists.',
        args: { input: 'The department and its name.' },
      },
      updatePartnerOrganization: {
        description: 'Rename a partner organisation or change its contact (admins and supervisors of the owning department; recorded).',
        args: { input: 'The organisation and what changes.' },
      },
      saveAccessPolicy: {
        description:
          "List what an access policy document changes (each department's read/write per section, and the rules), or apply it at once for every access decision of the municipality, over its policy file (admins; recorded). BAD_USER_INPUT on input.yaml with the key (the law and promise rules cannot be weakened), CONFLICT for a stale version.",
        args: { input: 'The whole document and the version it was made from.' },
      },
      resetAccessPolicy: {
        description:
          "List what going back to the policy files changes, or apply it: the policy applied in the console is dropped and the municipality's policy file (or the default one) is in force again at once (admins; recorded, as a new version). CONFLICT for a stale version; nothing is applied when the files are in force already.",
        args: { input: 'The version the screen read.' },
      },
      saveProgrammeSettings: {
        description:
          "Check the programme settings with the overrides file's validator and list the differences, or apply them at once for eligibility, the chatbot and the intake (admins; recorded). BAD_USER_INPUT by field (a national programme's amount, an undeclared amount, a bad text), CONFLICT for a stale version.",
        args: { input: 'The whole document and the version it was made from.' },
      },
      publishPrivacyNotice: {
        description:
          'Publish a new version of the privacy notice (admins; recorded). The intake form and the chatbot show it from the next request; a form opened on the old version is asked to read it again. BAD_USER_INPUT on `input.version` for a name used before.',
        args: { input: 'The version and its texts.' },
      },
    },
  },
};
