/**
 * Runs a script's `main`: exits 0 when it resolves, 1 with the error's message when it fails (a
 * stack trace would bury the message, which already says what to do).
 */
export function runMain(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error)
      process.exit(1)
    },
  )
}
