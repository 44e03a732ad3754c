/** A small U.S. flag drawn inline, so the banner needs no image request. */
export function UsFlag({ className }: { className?: string }) {
  const stripes = Array.from({ length: 7 }, (_, i) => <rect key={i} y={i * 2} width="19" height="1" fill="#b22234" />)
  return (
    <svg aria-hidden="true" viewBox="0 0 19 13" preserveAspectRatio="none" className={className}>
      <rect width="19" height="13" fill="#fff" />
      {stripes}
      <rect width="7.6" height="7" fill="#3c3b6e" />
    </svg>
  )
}
