/** Vite (and so Vitest, in Node and in the browser) imports any file as text with `?raw`. */
declare module '*?raw' {
  const text: string
  export default text
}
