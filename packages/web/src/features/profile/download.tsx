import { Button, type ButtonProps } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, apiUrl } from "../../api/client";
import { errorMessage } from "../../api/errors";

type Query = Record<string, string | number | boolean | null | undefined>;

/** The file name from a Content-Disposition header (RFC 6266 `filename*` first). */
export function filenameFromDisposition(header: string | null): string | null {
  if (!header) return null;
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1].trim());
    } catch {
      // fall through to the plain form
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(header);
  return plain?.[1]?.trim() || null;
}

/**
 * Fetch an export and hand it to the browser as a download. Fetching first (instead of a plain link)
 * lets an error answer show as a message rather than a saved JSON file.
 */
export async function downloadFile(path: string, query: Query, fallbackName: string): Promise<void> {
  let res: Response;
  try {
    res = await fetch(apiUrl(path, query), { credentials: "include" });
  } catch (e) {
    throw new ApiError(0, "network_error", e instanceof Error ? e.message : String(e), null, null);
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string; details?: unknown } } | null;
    throw new ApiError(
      res.status,
      body?.error?.code ?? `http_${res.status}`,
      body?.error?.message ?? res.statusText,
      body?.error?.details ?? null,
      null,
    );
  }
  const blob = await res.blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = filenameFromDisposition(res.headers.get("content-disposition")) ?? fallbackName;
  document.body.append(a);
  a.click();
  a.remove();
  // Give the browser time to start the download before the URL goes away.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

interface DownloadButtonProps extends ButtonProps {
  path: string;
  query: Query;
  fallbackName: string;
  children: string;
  "data-testid"?: string;
}

/** A button that downloads an export, with a spinner while it is prepared and a message on failure. */
export function DownloadButton({ path, query, fallbackName, children, ...button }: DownloadButtonProps) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const onClick = async () => {
    setBusy(true);
    try {
      await downloadFile(path, query, fallbackName);
    } catch (e) {
      notifications.show({ color: "red", message: errorMessage(t, e) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button variant="default" {...button} loading={busy} onClick={() => void onClick()}>
      {children}
    </Button>
  );
}
