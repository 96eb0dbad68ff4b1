import { useState } from 'react';
import { LIMITS } from '../../server/protocol/live.js';
import { LiveError } from './connection.js';

/** The message box: sends on Enter, shows the server's refusal (rate limit, muted) under it. */
export function ChatInput({ send, disabled }: { send: (text: string) => Promise<unknown>; disabled?: boolean }) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <form
      className="live-chat-form"
      onSubmit={async (e) => {
        e.preventDefault();
        if (!text.trim()) return;
        setBusy(true);
        try {
          await send(text);
          setText('');
          setError(null);
        } catch (err) {
          setError(err instanceof LiveError ? err.message : 'Could not send.');
        } finally {
          setBusy(false);
        }
      }}
    >
      <label htmlFor="live-chat-input" className="visually-hidden">
        Message
      </label>
      <input
        id="live-chat-input"
        value={text}
        maxLength={LIMITS.chatMaxChars}
        onChange={(e) => setText(e.target.value)}
        placeholder="Say something"
        disabled={disabled}
        aria-describedby={error ? 'live-chat-error' : undefined}
        autoComplete="off"
      />
      <button type="submit" className="btn btn-primary" disabled={disabled || busy || !text.trim()}>
        Send
      </button>
      {error && (
        <p id="live-chat-error" className="warn" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
