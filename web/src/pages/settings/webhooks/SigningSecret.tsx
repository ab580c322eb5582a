import { formatMoment } from '../../../dates';
import { CopyField } from '../../../components/CopyField';

/** A signing secret as the API answered it once: at creation, or at a rotation. */
export interface ShownSecret {
  secret: string;
  /** After a rotation: until when the previous secret signs too. */
  previousSecretExpiresAt: string | null;
}

/**
 * The secret, shown once with its copy button and the warning: Roster keeps it sealed and never
 * answers it again, so leaving or reloading the page loses it.
 */
export function SigningSecret({ shown }: { shown: ShownSecret }) {
  return (
    <div className="shown-secret" role="region" aria-label="New signing secret">
      <CopyField label="Signing secret" value={shown.secret} hint="Your receiver verifies each delivery's webhook-signature with it (any Standard Webhooks library)." />
      <p className="warning" role="alert">
        Copy this secret now: you won't see it again. Roster shows it only this once.
        {shown.previousSecretExpiresAt && ` The previous secret also signs deliveries until ${formatMoment(shown.previousSecretExpiresAt)}, time to give this one to your receiver.`}
      </p>
    </div>
  );
}
