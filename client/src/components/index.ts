export { Alert, type AlertProps, type AlertTone } from './Alert';
export { AnnouncerProvider, useAnnouncer, type Announce, type Politeness } from './Announcer';
export { Button, type ButtonProps, type ButtonVariant } from './Button';
export { CopyButton, type CopyButtonProps } from './CopyButton';
export { Dialog, type DialogProps } from './Dialog';
export { ErrorMessage, type ErrorMessageProps } from './ErrorMessage';
export { Select, type SelectOption, type SelectProps } from './Select';
export { Spinner, type SpinnerProps } from './Spinner';
export { TextField, type TextFieldProps } from './TextField';
