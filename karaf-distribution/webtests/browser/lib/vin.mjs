// A valid 17-character VIN for a car the test registers (ISO 3779: position 9 is the check digit the platform checks).
const VALUES = { A: 1, B: 2, C: 3, D: 4, E: 5, F: 6, G: 7, H: 8, J: 1, K: 2, L: 3, M: 4, N: 5, P: 7, R: 9, S: 2, T: 3,
  U: 4, V: 5, W: 6, X: 7, Y: 8, Z: 9 };
const WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];

/** LSVAU2A3?N2 followed by six digits of the serial, with its check digit in place. */
export function vin(serial) {
  const base = `LSVAU2A30N2${String(serial).padStart(6, '0').slice(-6)}`;
  const sum = [...base].reduce((s, c, i) => s + (/\d/.test(c) ? Number(c) : VALUES[c]) * WEIGHTS[i], 0);
  const check = sum % 11 === 10 ? 'X' : String(sum % 11);
  return base.slice(0, 8) + check + base.slice(9);
}
