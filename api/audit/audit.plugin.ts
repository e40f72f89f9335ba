import type { ApolloServerPlugin } from '@apollo/server';
import type { Context } from '../server/context';

/**
 * Writes the request's audit entries before the response leaves. If they cannot be written, the
 * response is replaced by an error: no personal data is sent without its audit trail.
 */
export const auditPlugin: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async willSendResponse({ contextValue, operationName, response }) {
        try {
          await contextValue.audit.flush(contextValue.em, operationName ?? null);
        } catch (e) {
          console.error(`[yorisoi] audit write failed: ${(e as Error).constructor.name}`);
          if (response.body.kind === 'single') {
            response.body.singleResult.data = null;
            response.body.singleResult.errors = [
              {
                message: '監査ログを書き込めなかったため、応答を止めました。/ The audit log could not be written, so the response was withheld.',
                extensions: { code: 'INTERNAL_SERVER_ERROR' },
              },
            ];
          }
        }
      },
    };
  },
};
