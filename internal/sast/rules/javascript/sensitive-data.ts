import { Logger } from 'winston';

export function audit(logger: Logger, user: { id: string; email: string }, refreshToken: string, cardNumber: string): void {
  // ruleid: javascript.sensitive.secret-in-log
  logger.info(`refreshing session for ${user.id} with ${refreshToken}`);
  // ok: javascript.sensitive.secret-in-log
  logger.info(`refreshing session for ${user.id}`);
  // ruleid: javascript.sensitive.personal-data-in-log
  logger.error('card declined', { cardNumber });
  // ok: javascript.sensitive.personal-data-in-log
  logger.error('card declined', { last4: cardNumber.slice(-4) });
}
