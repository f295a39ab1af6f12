/**
 * Texts of the `/live/error` messages AbletonOSC sends when its own Python code fails. Live would
 * print a real `traceback.format_exc()`; we print one of the same shape (the frames are a stand-in:
 * no client should parse them, but some match on the first line and on the last).
 */

const serverFile = 'File "AbletonOSC/abletonosc/osc_server.py"'
const pythonoscDir = 'File "AbletonOSC/pythonosc'

/** True when the datagram starts like an OSC bundle (`#bundle\0`). */
export function looksLikeBundle(bytes: Uint8Array): boolean {
  const marker = '#bundle'
  if (bytes.length < 8) return false
  for (let i = 0; i < marker.length; i++) if (bytes[i] !== marker.charCodeAt(i)) return false
  return bytes[7] === 0
}

/**
 * The `/live/error` text for a datagram that is not valid OSC.
 *
 * @example
 * parseErrorText(false, 'type tag string missing') // 'Error parsing OSC message: Traceback (most recent call last):\n…'
 */
export function parseErrorText(bundle: boolean, detail: string): string {
  const reason = pythonRepr(detail)
  if (bundle) {
    return [
      'Error parsing OSC bundle: Traceback (most recent call last):',
      `  ${serverFile}, line 167, in parse_bundle`,
      '    bundle = OscBundle(data)',
      `  ${pythonoscDir}/osc_bundle.py", line 37, in __init__`,
      '    self._contents = self._parse_contents(index)',
      `  ${pythonoscDir}/osc_bundle.py", line 68, in _parse_contents`,
      "    raise ParseError('Could not parse a content datagram: {}'.format(e))",
      `pythonosc.parsing.osc_types.ParseError: Could not parse a content datagram: ${detail}`,
      '',
    ].join('\n')
  }
  return [
    'Error parsing OSC message: Traceback (most recent call last):',
    `  ${serverFile}, line 175, in parse_bundle`,
    '    message = OscMessage(data)',
    `  ${pythonoscDir}/osc_message.py", line 35, in __init__`,
    '    self._parse_datagram()',
    `  ${pythonoscDir}/osc_message.py", line 84, in _parse_datagram`,
    "    raise ParseError('Found incorrect datagram, ignoring it', e)",
    `pythonosc.parsing.osc_types.ParseError: ('Found incorrect datagram, ignoring it', ParseError(${reason}))`,
    '',
  ].join('\n')
}

/**
 * The `/live/error` text when `sendto` fails, e.g. a reply larger than the OS allows.
 *
 * @example
 * socketErrorText('[Errno 90] Message too long') // 'Socket error: Traceback (most recent call last):\n…'
 */
export function socketErrorText(reason: string): string {
  return [
    'Socket error: Traceback (most recent call last):',
    `  ${serverFile}, line 142, in process`,
    '    self.parse_bundle(data, remote_addr)',
    `  ${serverFile}, line 178, in parse_bundle`,
    '    self.process_message(message, remote_addr)',
    `  ${serverFile}, line 121, in send`,
    '    self._socket.sendto(msg.dgram, remote_addr)',
    `OSError: ${reason}`,
    '',
  ].join('\n')
}

/** The reason Linux gives when a datagram is over the size limit (macOS says `[Errno 40]`). */
export const messageTooLong = '[Errno 90] Message too long'

function pythonRepr(text: string): string {
  return `'${text.replaceAll('\\', '\\\\').replaceAll("'", "\\'").replaceAll('\n', '\\n')}'`
}
