// checkPhoto header checks vs sharp(buf).metadata() awaited one by one, on the same 1,000 valid
// JPEGs held in memory.
import sharp from "sharp";
import { makePhotos } from "../../scripts/photo-fixtures.mjs";
import { makeIdNumbers } from "../data.mjs";
import { compare, consume } from "../lib.mjs";

export async function run(lib) {
  const N = 1000;
  const { checkPhoto } = lib;
  if (typeof checkPhoto !== "function") throw new Error("checkPhoto is not exported yet");
  // The photo issue's generator: 8 distinct portraits, each copy given its own COM segment.
  const photos = makePhotos(N);
  // Named as uploaded (5.3.3): by a resident ID number, so the file-name rule runs too.
  const names = makeIdNumbers(N, 0, 13).map((id) => `${id}.jpg`);
  let ok = 0;
  const codes = {};
  for (const p of photos) {
    const r = checkPhoto(p, { fileName: names[photos.indexOf(p)] });
    if (r.ok) ok++;
    for (const f of r.findings) codes[f.code] = (codes[f.code] ?? 0) + 1;
  }
  sharp.cache(false); // libvips' operation cache must not answer from a previous pass
  const t = await compare(
    {
      ours: () => {
        for (let i = 0; i < N; i++) consume(checkPhoto(photos[i], { fileName: names[i] }).ok);
      },
      sharp: async () => {
        for (let i = 0; i < N; i++) consume((await sharp(photos[i]).metadata()).width);
      },
    },
    { count: N, warmup: 1, runs: 5 },
  );
  return [
    {
      name: "checkPhoto vs sharp metadata",
      ours: t.ours.opsPerSec,
      peer: t.sharp.opsPerSec,
      peerName: `sharp@${sharp.versions?.sharp ?? "?"} metadata(), awaited one by one`,
      ratio: t.ours.opsPerSec / t.sharp.opsPerSec,
      unit: "photos/s (median of 5 passes over 1,000 in-memory JPEGs); ratio = ours / peer, higher is better",
      goal: ">= 10x",
      met: t.ours.opsPerSec >= 10 * t.sharp.opsPerSec,
      notes: `${ok}/${N} photos ok; findings ${JSON.stringify(codes)}; ${photos[0].length} bytes each`,
    },
  ];
}
