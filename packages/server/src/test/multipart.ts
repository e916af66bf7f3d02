import { randomBytes } from "node:crypto";

/** One file part of a multipart/form-data body. */
export interface FilePart {
  filename: string;
  contentType: string;
  data: Buffer | string;
}

/**
 * A multipart/form-data request body built by hand, as a browser would send it (tests inject it into the
 * app; the authorization matrix recognises it as an upload).
 */
export class Multipart {
  readonly boundary = `----portcullis${randomBytes(12).toString("hex")}`;
  readonly payload: Buffer;

  constructor(fields: Record<string, string | FilePart>) {
    const chunks: Buffer[] = [];
    for (const [name, value] of Object.entries(fields)) {
      chunks.push(Buffer.from(`--${this.boundary}\r\n`));
      if (typeof value === "string") {
        chunks.push(Buffer.from(`Content-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
      } else {
        chunks.push(
          Buffer.from(
            `Content-Disposition: form-data; name="${name}"; filename="${value.filename}"\r\nContent-Type: ${value.contentType}\r\n\r\n`,
          ),
        );
        chunks.push(typeof value.data === "string" ? Buffer.from(value.data) : value.data);
        chunks.push(Buffer.from("\r\n"));
      }
    }
    chunks.push(Buffer.from(`--${this.boundary}--\r\n`));
    this.payload = Buffer.concat(chunks);
  }

  get contentType(): string {
    return `multipart/form-data; boundary=${this.boundary}`;
  }
}

/** A tiny but real PDF (the evidence vault checks the type from the content, not the name). */
export function samplePdf(text = "Portcullis test evidence"): Buffer {
  const body = `BT /F1 12 Tf 72 720 Td (${text.replace(/[()\\]/g, "")}) Tj ET`;
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${body.length} >>\nstream\n${body}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) out += `${String(off).padStart(10, "0")} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, "latin1");
}
