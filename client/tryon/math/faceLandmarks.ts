/**
 * Indices into the 478-point face mesh shared by MediaPipe FaceLandmarker and the tfjs face mesh
 * with iris (see mediapipe/modules/face_geometry/data/canonical_face_model_uv_visualization.png).
 * "Right"/"left" are the subject's own sides: the subject's right eye is on the image's left in an
 * unmirrored camera frame.
 */
export const FACE = {
  /** Outer corner of the subject's right eye. */
  rightEyeOuter: 33,
  rightEyeInner: 133,
  leftEyeInner: 362,
  /** Outer corner of the subject's left eye. */
  leftEyeOuter: 263,
  /** Nose bridge between the eyes, where a frame's bridge rests. */
  noseBridge: 168,
  noseTip: 1,
  /** Top of the forehead on the mid line. */
  forehead: 10,
  chin: 152,
  /** Cheek points at the sides of the face near the ears (face width). */
  rightCheek: 234,
  leftCheek: 454,
  /** Iris centres and their four ring points (the mesh's refine/iris part, indices 468..477). */
  rightIrisCentre: 468,
  rightIrisRing: [469, 470, 471, 472] as const,
  leftIrisCentre: 473,
  leftIrisRing: [474, 475, 476, 477] as const,
} as const;

/** The number of points a face mesh with iris has. */
export const FACE_POINTS = 478;
