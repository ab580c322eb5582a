import { useEffect, useState } from 'react';
import QRCode from 'qrcode';

/** The otpauth:// URI as a QR code, drawn in the browser: the secret never leaves the page. */
export function QrCode({ value, label }: { value: string; label: string }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    QRCode.toDataURL(value, { margin: 1, width: 200 }).then((url) => live && setSrc(url));
    return () => {
      live = false;
    };
  }, [value]);
  return src ? <img className="qr" src={src} width={200} height={200} alt={label} /> : null;
}
