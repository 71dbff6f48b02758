import { Controller, type UseFormReturn } from 'react-hook-form';
import { contactChannelLabels, contactChannels, type ContactChannel } from '@shared/schemas/communication';
import type { PersonForm } from '@shared/schemas/people';
import { ShortTextField, TextAreaField } from '../../ui/TextField';
import { CheckboxField } from '../../ui/CheckboxField';

type Props = { readonly form: UseFormReturn<PersonForm> };

/**
 * How the person communicates (seed 004 §4: "communication and linguistic barriers", "a
 * disability"): language, interpreter, access needs, and how and when they like to be contacted.
 * Shown to whoever books contact with them, greets them at the door or writes up a contact.
 */
export function CommunicationFields({ form }: Props) {
  return (
    <fieldset className="fieldset">
      <legend>How they communicate</legend>
      <ShortTextField
        form={form}
        name="language"
        label="Language (optional)"
        hint="The language they are most at ease in, for example Polish or British Sign Language."
      />
      <CheckboxField form={form} name="needsInterpreter" label="Needs an interpreter" />
      <TextAreaField
        form={form}
        name="accessibilityNeeds"
        label="Accessibility needs (optional)"
        hint="Anything that helps them take part, for example step-free access, large print, a hearing loop."
        rows={2}
      />
      <Controller
        control={form.control}
        name="preferredChannels"
        render={({ field }) => {
          const chosen = field.value ?? [];
          const toggle = (channel: ContactChannel, isChecked: boolean) =>
            field.onChange(
              isChecked
                ? contactChannels.filter((candidate) => candidate === channel || chosen.includes(candidate))
                : chosen.filter((candidate) => candidate !== channel),
            );
          return (
            <fieldset className="fieldset">
              <legend>Prefers to be contacted by (optional)</legend>
              <div className="people__choices">
                {contactChannels.map((channel) => (
                  <label key={channel} className="checkbox">
                    <input
                      type="checkbox"
                      checked={chosen.includes(channel)}
                      onChange={(event) => toggle(channel, event.target.checked)}
                    />
                    {contactChannelLabels[channel]}
                  </label>
                ))}
              </div>
            </fieldset>
          );
        }}
      />
      <ShortTextField
        form={form}
        name="preferredTimes"
        label="Best times (optional)"
        hint="For example “after 6pm” or “weekday mornings”."
      />
    </fieldset>
  );
}
