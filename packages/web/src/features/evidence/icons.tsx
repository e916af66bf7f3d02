import type { ReactNode } from "react";

/** Stroke icons of the evidence screens (decorative: the controls carry text or an aria-label). */
function Icon({ children, size = 18 }: { children: ReactNode; size?: number }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {children}
    </svg>
  );
}

export const IconUpload = ({ size }: { size?: number }) => (
  <Icon size={size}>
    <path d="M12 16V4M7 9l5-5 5 5M4 16v4h16v-4" />
  </Icon>
);

export const IconDownload = ({ size }: { size?: number }) => (
  <Icon size={size}>
    <path d="M12 4v12M7 11l5 5 5-5M4 20h16" />
  </Icon>
);

export const IconFile = ({ size }: { size?: number }) => (
  <Icon size={size}>
    <path d="M6 3h9l4 4v14H6zM14 3v5h5" />
  </Icon>
);

export const IconVault = ({ size }: { size?: number }) => (
  <Icon size={size}>
    <rect x="3" y="4" width="18" height="16" rx="2" />
    <circle cx="12" cy="12" r="3.5" />
    <path d="M12 8.5V7M12 17v-1.5M15.5 12H17M7 12h1.5" />
  </Icon>
);

export const IconCopy = ({ size = 14 }: { size?: number }) => (
  <Icon size={size}>
    <rect x="8" y="8" width="12" height="12" rx="2" />
    <path d="M16 8V5a1 1 0 0 0-1-1H5a1 1 0 0 0-1 1v10a1 1 0 0 0 1 1h3" />
  </Icon>
);

export const IconCheck = ({ size = 14 }: { size?: number }) => (
  <Icon size={size}>
    <path d="M5 12l5 5 9-10" />
  </Icon>
);

export const IconX = ({ size = 14 }: { size?: number }) => (
  <Icon size={size}>
    <path d="M6 6l12 12M18 6L6 18" />
  </Icon>
);
