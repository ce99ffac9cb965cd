/**
 * `value` cut to `max` characters with an ellipsis, so a sentence quoting what a person pasted
 * stays readable.
 * @example
 * shorten('x'.repeat(100), 10) // "xxxxxxx..."
 */
export function shorten(value: string, max = 80): string {
  return value.length > max ? `${value.slice(0, max - 3)}...` : value
}
