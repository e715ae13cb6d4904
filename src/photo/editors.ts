/**
 * Image editors and beauty apps whose name in EXIF Software / ProcessingSoftware means the photo was
 * retouched ("精拍") or edited ("PS"), which CHSI's comparison with the admission photo rejects
 * (5.2.2). Camera firmware, libjpeg and batch converters are not listed: they do not change a face.
 * Each entry: a display name and the pattern that finds it (case-insensitive).
 */
export const photoEditors: readonly (readonly [name: string, pattern: RegExp])[] = [
  ["Photoshop", /photoshop/i],
  ["Lightroom", /lightroom/i],
  ["GIMP", /\bgimp\b/i],
  ["Meitu (美图)", /meitu|美图|\bmtxx\b/i],
  ["BeautyCam (美颜相机)", /beauty\s*cam|美颜/i],
  ["Snapseed", /snapseed/i],
  ["PicsArt", /picsart/i],
  ["Facetune", /facetune/i],
  ["FaceApp", /faceapp/i],
  ["B612", /\bb612\b/i],
  ["Xingtu (醒图)", /醒图|xingtu/i],
  ["Qingyan (轻颜)", /轻颜|ulike/i],
  ["Tiantian P-Tu (天天P图)", /天天\s*p图|p图/i],
  ["FaceU", /\bfaceu\b/i],
  ["YouCam", /youcam|perfect\s*corp/i],
  ["AirBrush", /airbrush/i],
  ["Fotor", /\bfotor\b/i],
  ["Pixlr", /pixlr/i],
  ["PhotoScape", /photoscape/i],
  ["PhotoDirector", /photodirector/i],
  ["Paint.NET", /paint\.net/i],
  ["Pixelmator", /pixelmator/i],
  ["Affinity Photo", /affinity\s*photo/i],
  ["Polarr", /polarr/i],
  ["VSCO", /\bvsco\b/i],
  ["Picasa", /picasa/i],
];

/** The editor named in a Software string, or `undefined` when none is recognised. */
export function findEditor(software: string): string | undefined {
  for (const [name, pattern] of photoEditors) if (pattern.test(software)) return name;
  return undefined;
}
