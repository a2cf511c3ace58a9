import { forwardRef, type ReactNode, type SelectHTMLAttributes } from 'react';
import { Field, Label, Select, ValidationMessage } from '@digdir/designsystemet-react';

type Props = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'size' | 'multiple'> & {
  label: ReactNode;
  description?: ReactNode;
  error?: ReactNode;
  width?: 'full' | 'auto';
};

/** A labelled native select with description and validation message (wired by ds-field). */
export const SelectField = forwardRef<HTMLSelectElement, Props>(function SelectField(
  { label, description, error, className, children, width, ...rest },
  ref,
) {
  return (
    <Field className={className}>
      <Label>{label}</Label>
      {description && <Field.Description>{description}</Field.Description>}
      <Select ref={ref} width={width} aria-invalid={error ? true : undefined} {...rest}>
        {children}
      </Select>
      {error && <ValidationMessage>{error}</ValidationMessage>}
    </Field>
  );
});
