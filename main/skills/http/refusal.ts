/** Why a call got no usable answer, in words the skill sees. Thrown inside the guard, returned as `error`. */
export class HttpRefusal extends Error {
  override name = 'HttpRefusal';
}
