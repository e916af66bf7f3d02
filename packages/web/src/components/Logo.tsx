/** The Portcullis mark (a portcullis gate), decorative. */
export function Logo({ size = 28 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 64 64" aria-hidden="true" focusable="false">
      <rect width="64" height="64" rx="12" fill="#1c3d5a" />
      <path d="M14 14h36v6H14zM14 24h36v4H14z" fill="#f2c14e" />
      <path d="M18 28v26M26 28v26M34 28v26M42 28v26M50 28v26" stroke="#f2c14e" strokeWidth="4" strokeLinecap="round" />
    </svg>
  );
}
