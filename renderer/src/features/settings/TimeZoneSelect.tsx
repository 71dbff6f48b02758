import type { UseFormRegisterReturn } from 'react-hook-form';
import { defaultTimeZone } from '@shared/schemas/home';

const timeZones = [
  defaultTimeZone,
  ...Intl.supportedValuesOf('timeZone').filter((zone) => zone !== defaultTimeZone),
];

/** Every IANA zone the runtime knows, Europe/London first. */
export function TimeZoneSelect({
  wiring,
  registration,
}: {
  wiring: object;
  registration: UseFormRegisterReturn;
}) {
  return (
    <select className="input" {...wiring} {...registration}>
      {timeZones.map((zone) => (
        <option key={zone} value={zone}>
          {zone.replaceAll('_', ' ')}
        </option>
      ))}
    </select>
  );
}
