import { useController, type Control, type FieldValues, type Path } from 'react-hook-form';
import { Checkbox, Fieldset, ValidationMessage } from '@digdir/designsystemet-react';

interface Props<T extends FieldValues> {
  control: Control<T>;
  name: Path<T>;
  legend: string;
  description?: string;
  options: { value: string; label: string }[];
  error?: string;
}

/** A fieldset of checkboxes whose value is the list of checked values. */
export function CheckboxGroup<T extends FieldValues>({ control, name, legend, description, options, error }: Props<T>) {
  const { field } = useController({ control, name });
  const values = (field.value ?? []) as string[];
  return (
    <Fieldset>
      <Fieldset.Legend>{legend}</Fieldset.Legend>
      {description && <Fieldset.Description>{description}</Fieldset.Description>}
      <div className="checkbox-grid">
        {options.map((o, i) => (
          <Checkbox
            key={o.value}
            ref={i === 0 ? field.ref : undefined}
            label={o.label}
            value={o.value}
            name={name}
            checked={values.includes(o.value)}
            aria-invalid={error ? true : undefined}
            onBlur={field.onBlur}
            onChange={(e) => field.onChange(e.target.checked ? [...values, o.value] : values.filter((v) => v !== o.value))}
          />
        ))}
      </div>
      {error && <ValidationMessage>{error}</ValidationMessage>}
    </Fieldset>
  );
}
