import QRCode from 'qrcode'

/**
 * A QR code to the live page, drawn on the server as inline SVG: no image request, no script,
 * and it prints crisp at any size. Medium error correction survives a smudged photocopy.
 */
export async function QrCode({ url, size = '0.85in' }: { url: string; size?: string }) {
  const svg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 0, color: { dark: '#1b1b1b', light: '#ffffff' } })
  return (
    <figure className="m-0 flex shrink-0 flex-col items-center text-center">
      <div role="img" aria-label={`QR code linking to ${url}`} style={{ width: size, height: size }} className="[&>svg]:h-full [&>svg]:w-full" dangerouslySetInnerHTML={{ __html: svg }} />
      <figcaption className="mt-0.5 text-[0.7em] text-neutral-dark">Live page</figcaption>
    </figure>
  )
}
