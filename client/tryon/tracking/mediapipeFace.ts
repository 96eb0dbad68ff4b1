/**
 * MediaPipe FaceLandmarker: 478 landmarks and the facial transformation matrix. VIDEO mode needs
 * strictly increasing timestamps; a still photo goes through IMAGE mode.
 */
import { FaceLandmarker } from '@mediapipe/tasks-vision';
import type { TrackedFace, TrackerConfig } from './types.js';

export interface FaceDetector {
  detect(image: ImageBitmap, timestampMs: number, still: boolean): Promise<TrackedFace[]>;
  close(): void;
}

/** Loads FaceLandmarker from the configured URLs. */
export async function createMediapipeFace(config: TrackerConfig): Promise<FaceDetector> {
  const fileset = { wasmLoaderPath: config.mediapipeWasm.loaderUrl, wasmBinaryPath: config.mediapipeWasm.binaryUrl };
  const landmarker = await FaceLandmarker.createFromOptions(fileset, {
    baseOptions: { modelAssetPath: config.faceTaskUrl, delegate: config.delegate },
    runningMode: 'VIDEO',
    numFaces: 1,
    outputFacialTransformationMatrixes: true,
    outputFaceBlendshapes: false,
    minFaceDetectionConfidence: 0.4,
    minFacePresenceConfidence: 0.4,
    minTrackingConfidence: 0.4,
  });
  let mode: 'VIDEO' | 'IMAGE' = 'VIDEO';
  let lastTs = -1;
  return {
    async detect(image, timestampMs, still) {
      const want = still ? 'IMAGE' : 'VIDEO';
      if (want !== mode) {
        await landmarker.setOptions({ runningMode: want });
        mode = want;
        lastTs = -1;
      }
      let res;
      if (still) res = landmarker.detect(image);
      else {
        // MediaPipe rejects a timestamp that does not increase; two frames in one ms get +1.
        const ts = Math.max(Math.round(timestampMs), lastTs + 1);
        lastTs = ts;
        res = landmarker.detectForVideo(image, ts);
      }
      return res.faceLandmarks.map((pts, i) => {
        const landmarks = new Float32Array(pts.length * 3);
        pts.forEach((p, k) => landmarks.set([p.x, p.y, p.z], k * 3));
        const m = res.facialTransformationMatrixes?.[i]?.data;
        return { landmarks, matrix: m ? Array.from(m) : undefined };
      });
    },
    close: () => landmarker.close(),
  };
}
