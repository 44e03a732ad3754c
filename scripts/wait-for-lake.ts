/**
 * Exits once the lake answers (or fails after a minute). `npm start` and `npm run dev` run the
 * portal after it, so the portal never serves a request while its content source is still starting.
 */
import { waitForLake } from './lib/processes'

waitForLake().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error)
    process.exit(1)
  },
)
