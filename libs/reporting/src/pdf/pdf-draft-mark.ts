type Doc = PDFKit.PDFDocument;

/**
 * The diagonal "DRAF" mark (Indonesian for draft) drawn as strokes, not text: rotated text would be read by text
 * extraction (pdftotext, search, screen readers) in the middle of the tables it crosses. Letters
 * are drawn in a unit box (x 0–0.6, y 0–1 downwards).
 */
const LETTERS: ((d: Doc) => void)[] = [
  (d) => d.moveTo(0, 0).lineTo(0, 1).lineTo(0.3, 1).quadraticCurveTo(0.6, 1, 0.6, 0.7).lineTo(0.6, 0.3).quadraticCurveTo(0.6, 0, 0.3, 0).closePath(),
  (d) => d.moveTo(0, 1).lineTo(0, 0).lineTo(0.35, 0).quadraticCurveTo(0.6, 0, 0.6, 0.25).quadraticCurveTo(0.6, 0.5, 0.35, 0.5).lineTo(0, 0.5).moveTo(0.3, 0.5).lineTo(0.6, 1),
  (d) => d.moveTo(0, 1).lineTo(0.3, 0).lineTo(0.6, 1).moveTo(0.1, 0.67).lineTo(0.5, 0.67),
  (d) => d.moveTo(0.6, 0).lineTo(0, 0).lineTo(0, 1).moveTo(0, 0.5).lineTo(0.45, 0.5),
];

const ADVANCE = 0.85;

export function drawDraftMark(doc: Doc): void {
  const { width, height } = doc.page;
  const unit = 100;
  const markWidth = (LETTERS.length * ADVANCE - (ADVANCE - 0.6)) * unit;
  doc.save();
  doc.rotate(-45, { origin: [width / 2, height / 2] });
  doc.translate(width / 2 - markWidth / 2, height / 2 - unit / 2);
  doc.lineWidth(0.12).lineCap('round').lineJoin('round').strokeColor('#C0C0C0').strokeOpacity(0.45);
  LETTERS.forEach((letter, i) => {
    doc.save();
    doc.translate(i * ADVANCE * unit, 0).scale(unit);
    letter(doc);
    doc.stroke();
    doc.restore();
  });
  doc.restore();
}
