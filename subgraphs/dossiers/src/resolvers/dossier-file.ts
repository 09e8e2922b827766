import bwipjs from 'bwip-js';
import type { Context } from '../context';
import type { DossierDocumentEntity } from '../store/entities/dossier-document.entity';

export const DossierFile = {
  document: (file: DossierDocumentEntity, _: unknown, ctx: Context) => ctx.loaders.documentById.load(file.documentId),
  /** The verification code as a QR code (SVG), to print on the result; null for files that are not a result. */
  verificationQr: (file: DossierDocumentEntity) => (file.verificationCode ? bwipjs.toSVG({ bcid: 'qrcode', text: file.verificationCode }) : null),
};
