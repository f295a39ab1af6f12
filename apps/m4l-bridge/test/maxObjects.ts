/**
 * Every Max / MSP / Max for Live class the patcher uses, with the reference page it was checked
 * against. `checked: true` means the page was read for this device (messages, inlets, behaviour);
 * `false` means a standard object whose reference was not re-read here.
 */
export const MAX_OBJECTS: Record<string, { doc: string; checked: boolean }> = {
  // https://docs.cycling74.com/apiref/js/liveapi says to wait for live.thisdevice's bang before using LiveAPI.
  'live.thisdevice': { doc: 'https://docs.cycling74.com/reference/live.thisdevice', checked: true },
  'node.script': { doc: 'https://docs.cycling74.com/reference/node.script', checked: true },
  v8: { doc: 'https://docs.cycling74.com/userguide/javascript', checked: true },
  'sfrecord~': { doc: 'https://docs.cycling74.com/reference/sfrecord~', checked: true },
  timepoint: { doc: 'https://docs.cycling74.com/reference/timepoint/', checked: true },
  'live.remote~': { doc: 'https://docs.cycling74.com/reference/live.remote~', checked: true },
  'plugin~': { doc: 'https://docs.cycling74.com/reference/plugin~', checked: false },
  'plugout~': { doc: 'https://docs.cycling74.com/reference/plugout~', checked: false },
  // Parameter types and the Int 0-255 limit: https://docs.cycling74.com/max5/refpages/m4l-ref/parameters.html
  'live.numbox': { doc: 'https://docs.cycling74.com/reference/live.numbox', checked: true },
  textedit: { doc: 'https://docs.cycling74.com/reference/textedit', checked: true },
  int: { doc: 'https://docs.cycling74.com/reference/int', checked: false },
  route: { doc: 'https://docs.cycling74.com/reference/route', checked: false },
  prepend: { doc: 'https://docs.cycling74.com/reference/prepend', checked: false },
  gate: { doc: 'https://docs.cycling74.com/reference/gate', checked: false },
  t: { doc: 'https://docs.cycling74.com/reference/trigger', checked: false },
  message: { doc: 'https://docs.cycling74.com/reference/message', checked: false },
}
