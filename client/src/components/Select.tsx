import { type SelectHTMLAttributes, useId } from 'react';

export interface SelectOption {
  value: string;
  label: string;
}

export interface SelectProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'onChange' | 'value' | 'id'> {
  label: string;
  options: readonly SelectOption[];
  value: string;
  onChange: (value: string) => void;
  description?: string;
  errorMessage?: string;
}

/**
 * A labelled native <select>. Native on purpose: it is the most robust control on phones, screen
 * readers and projectors' touch panels, and it costs no JavaScript. Mark optional fields in the
 * label text yourself if needed (the label is shown verbatim so tests can find it by name).
 */
export function Select({ label, options, value, onChange, description, errorMessage, ...rest }: SelectProps) {
  const id = useId();
  const describedBy = [description && `${id}-desc`, errorMessage && `${id}-err`].filter(Boolean).join(' ') || undefined;
  return (
    <div className={errorMessage ? 'field field--invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {description ? (
        <span id={`${id}-desc`} className="field__description">
          {description}
        </span>
      ) : null}
      <select
        {...rest}
        id={id}
        value={value}
        aria-describedby={describedBy}
        aria-invalid={errorMessage ? true : undefined}
        onChange={(e) => onChange(e.target.value)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {errorMessage ? (
        <span id={`${id}-err`} className="field__error">
          {errorMessage}
        </span>
      ) : null}
    </div>
  );
}
