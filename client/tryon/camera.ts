/** Opening the phone camera for try-on, with every failure turned into something a shopper can act on. */

export type Facing = 'user' | 'environment';

export type CameraProblem = 'denied' | 'no-camera' | 'busy' | 'insecure' | 'unsupported' | 'other';

export class CameraError extends Error {
  constructor(
    readonly problem: CameraProblem,
    message: string,
  ) {
    super(message);
    this.name = 'CameraError';
  }
}

/** What to tell the shopper for each camera problem; every one offers the photo route instead. */
export const CAMERA_HELP: Record<CameraProblem, string> = {
  denied: 'Camera access was refused. Allow the camera for this site in your browser settings, or upload a photo of yourself instead.',
  'no-camera': 'No camera was found on this device. Upload a photo of yourself instead.',
  busy: 'The camera is in use by another app. Close it and try again, or upload a photo.',
  insecure: 'The camera only works over a secure (https) connection. Upload a photo of yourself instead.',
  unsupported: 'This browser cannot open the camera. Upload a photo of yourself instead.',
  other: 'The camera could not start. Upload a photo of yourself instead.',
};

/** Opens the camera facing the shopper ('user') or away ('environment'), at a modest resolution. */
export async function openCamera(facing: Facing): Promise<MediaStream> {
  if (typeof window !== 'undefined' && !window.isSecureContext) throw new CameraError('insecure', CAMERA_HELP.insecure);
  if (!navigator.mediaDevices?.getUserMedia) throw new CameraError('unsupported', CAMERA_HELP.unsupported);
  try {
    // 640x480 is plenty for landmarks and keeps inference and upload of frames cheap on phones.
    return await navigator.mediaDevices.getUserMedia({ audio: false, video: { facingMode: facing, width: { ideal: 640 }, height: { ideal: 480 } } });
  } catch (e) {
    const name = (e as DOMException).name;
    const problem: CameraProblem =
      name === 'NotAllowedError' || name === 'SecurityError'
        ? 'denied'
        : name === 'NotFoundError' || name === 'OverconstrainedError'
          ? 'no-camera'
          : name === 'NotReadableError' || name === 'AbortError'
            ? 'busy'
            : 'other';
    throw new CameraError(problem, CAMERA_HELP[problem]);
  }
}

/** Stops every track of a stream (turns the camera light off). */
export function stopCamera(stream: MediaStream | null): void {
  stream?.getTracks().forEach((t) => t.stop());
}

/** Whether the device lists more than one camera (to offer the front/back switch). */
export async function hasSeveralCameras(): Promise<boolean> {
  try {
    const devices = await navigator.mediaDevices.enumerateDevices();
    return devices.filter((d) => d.kind === 'videoinput').length > 1;
  } catch {
    return false;
  }
}
