import {
  TextField as AriaTextField,
  type TextFieldProps as AriaTextFieldProps,
  FieldError,
  Input,
  Label,
  Text,
  TextArea,
} from 'react-aria-components';

export interface TextFieldProps extends Omit<AriaTextFieldProps, 'className' | 'children'> {
  label: string;
  /** Help text under the label, linked with aria-describedby. */
  description?: string;
  /** A message from the server (or your own check); marks the field invalid and is announced with it. */
  errorMessage?: string;
  multiline?: boolean;
  rows?: number;
  placeholder?: string;
}

/**
 * A labelled text input (or textarea). The label, description and error are wired to the input
 * by react-aria, so a screen reader reads all three. `isRequired` uses the browser's own
 * validation on submit; pass `errorMessage` for errors that came back from the API.
 */
export function TextField({
  label,
  description,
  errorMessage,
  multiline,
  rows = 4,
  placeholder,
  isInvalid,
  ...rest
}: TextFieldProps) {
  return (
    <AriaTextField {...rest} isInvalid={isInvalid ?? (errorMessage ? true : undefined)} className="field">
      <Label>
        {label}
        {rest.isRequired ? null : <span className="muted"> (optional)</span>}
      </Label>
      {description ? (
        <Text slot="description" className="field__description">
          {description}
        </Text>
      ) : null}
      {multiline ? <TextArea rows={rows} placeholder={placeholder} /> : <Input placeholder={placeholder} />}
      <FieldError className="field__error">{errorMessage}</FieldError>
    </AriaTextField>
  );
}
