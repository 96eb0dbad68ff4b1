/** The try-on snapshot: the camera picture (mirrored like the screen) with the 3D layer on top, as a PNG. */

/** Composites a video or image and the WebGL canvas into one PNG blob at the frame's size. */
export async function snapshot(source: CanvasImageSource, frame: { width: number; height: number }, layer: HTMLCanvasElement, mirrored: boolean): Promise<Blob> {
  const c = document.createElement('canvas');
  c.width = frame.width;
  c.height = frame.height;
  const g = c.getContext('2d');
  if (!g) throw new Error('this browser cannot draw the snapshot');
  if (mirrored) {
    g.save();
    g.translate(frame.width, 0);
    g.scale(-1, 1);
    g.drawImage(source, 0, 0, frame.width, frame.height);
    g.restore();
  } else g.drawImage(source, 0, 0, frame.width, frame.height);
  // The 3D layer is never mirrored (text on the product reads the right way).
  g.drawImage(layer, 0, 0, frame.width, frame.height);
  return new Promise((resolve, reject) => c.toBlob((b) => (b ? resolve(b) : reject(new Error('snapshot failed'))), 'image/png'));
}
