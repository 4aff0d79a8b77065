/**
 * Pieces the options page's forms share: a URL field with its label and hint, and the line that
 * says how saving went.
 */

/** What a form says after an action: an error is announced at once (alert), the rest politely. */
export interface FormMessage {
  text: string;
  error: boolean;
}

export function StatusMessage({ message, block, testId }: { message: FormMessage | null; block?: boolean; testId?: string }) {
  if (!message) return null;
  const Tag = block ? 'p' : 'span';
  return (
    <Tag role={message.error ? 'alert' : 'status'} class={message.error ? 'error' : 'muted'} data-testid={testId}>
      {message.text}
    </Tag>
  );
}

export function UrlField(props: {
  id: string;
  label: string;
  hint: string;
  value: string;
  placeholder?: string;
  onInput: (value: string) => void;
}) {
  return (
    <>
      <label for={props.id}>{props.label}</label>
      <input
        id={props.id}
        type="url"
        value={props.value}
        spellcheck={false}
        autoComplete="off"
        placeholder={props.placeholder}
        onInput={(e) => props.onInput((e.target as HTMLInputElement).value)}
      />
      <p class="hint">{props.hint}</p>
    </>
  );
}
