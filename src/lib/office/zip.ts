// The zip container of .xlsx and .docx files, made byte-stable: every entry deflated by Node's zlib
// and dated with the document's date, so that the same input and date give the same bytes.
import { deflateRawSync } from 'node:zlib';

/** Offset of the end-of-central-directory record: the last one, found from the end (no comment). */
function endOfCentralDirectory(view: DataView): number {
  let eocd = view.byteLength - 22;
  while (eocd >= 0 && view.getUint32(eocd, true) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error('XLSX 不是有效的 ZIP 文件');
  return eocd;
}

/**
 * exceljs zips with JSZip (a workbook in memory) or archiver (a streamed one), both of which
 * stamp every entry with the current time and take no date option through exceljs. The DOS time
 * and date fields sit at fixed offsets in each local and central-directory header (APPNOTE 4.3.7, 4.3.12) and are not covered by any checksum, so they
 * are overwritten in place. UTC components, so the bytes do not depend on the machine's zone.
 */
export function setZipTimes(zip: Uint8Array, date: Date): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  const year = Math.max(1980, date.getUTCFullYear());
  const dosDate = ((year - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate();
  const dosTime = (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1);
  const eocd = endOfCentralDirectory(view);
  const entries = view.getUint16(eocd + 10, true);
  let central = view.getUint32(eocd + 16, true);
  for (let n = 0; n < entries; n++) {
    if (view.getUint32(central, true) !== 0x02014b50) throw new Error('XLSX 的 ZIP 目录无法读取');
    view.setUint16(central + 12, dosTime, true);
    view.setUint16(central + 14, dosDate, true);
    const local = view.getUint32(central + 42, true);
    view.setUint16(local + 10, dosTime, true);
    view.setUint16(local + 12, dosDate, true);
    central += 46 + view.getUint16(central + 28, true) + view.getUint16(central + 30, true) + view.getUint16(central + 32, true);
  }
  return out;
}

/**
 * An archive whose entries JSZip stored uncompressed, rewritten with each entry deflated by
 * Node's zlib and dated `date` (see setZipTimes). JSZip's own deflate (pako, in JavaScript) set up
 * fresh 300 KB state for every entry: for a project workbook of a dozen small entries that was
 * 3 ms of its 4–8 ms. The uncompressed size and CRC-32 of an entry do not change.
 */
export function deflateZip(zip: Uint8Array, date: Date): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const eocd = endOfCentralDirectory(view);
  const entries = view.getUint16(eocd + 10, true);
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  let central = view.getUint32(eocd + 16, true);
  for (let n = 0; n < entries; n++) {
    if (view.getUint32(central, true) !== 0x02014b50) throw new Error('XLSX 的 ZIP 目录无法读取');
    // Sizes after the data (flag bit 3) would need rewriting too; JSZip writes them in the header.
    if (view.getUint16(central + 8, true) & 0x08) throw new Error('XLSX 的 ZIP 条目带数据描述符，无法重新压缩');
    const method = view.getUint16(central + 10, true);
    const size = view.getUint32(central + 20, true);
    const centralLength = 46 + view.getUint16(central + 28, true) + view.getUint16(central + 30, true) + view.getUint16(central + 32, true);
    const local = view.getUint32(central + 42, true);
    const localLength = 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const stored = zip.subarray(local + localLength, local + localLength + size);
    // Empty entries (folders) stay stored, as zip tools expect.
    const deflate = method === 0 && size > 0;
    const data = deflate ? deflateRawSync(stored) : stored;

    const localHeader = zip.slice(local, local + localLength);
    const centralHeader = zip.slice(central, central + centralLength);
    const lh = new DataView(localHeader.buffer);
    const ch = new DataView(centralHeader.buffer);
    lh.setUint16(8, deflate ? 8 : method, true);
    lh.setUint32(18, data.length, true);
    ch.setUint16(10, deflate ? 8 : method, true);
    ch.setUint32(20, data.length, true);
    ch.setUint32(42, offset, true);
    locals.push(localHeader, data);
    centrals.push(centralHeader);
    offset += localHeader.length + data.length;
    central += centralLength;
  }
  const centralSize = centrals.reduce((n, c) => n + c.length, 0);
  const end = zip.slice(eocd, eocd + 22);
  const ev = new DataView(end.buffer);
  ev.setUint32(12, centralSize, true);
  ev.setUint32(16, offset, true);
  const out = new Uint8Array(offset + centralSize + end.length);
  let at = 0;
  for (const part of [...locals, ...centrals, end]) {
    out.set(part, at);
    at += part.length;
  }
  return setZipTimes(out, date);
}
