import { choiceArg, required } from '../cli/args.js'
import { commandTable, globalFlags } from '../cli/commandTable.js'
import type { CommandGroup } from '../cli/context.js'

function flagsOf(command: string): string[] {
  const spec = commandTable[command]
  return Object.keys({ ...globalFlags, ...(spec?.flags ?? {}) }).map((f) => `--${f}`)
}

function bash(): string {
  const cases = Object.entries(commandTable)
    .map(([name, spec]) => `    ${name}) words="${[...(spec.words ?? []), ...flagsOf(name)].join(' ')}" ;;`)
    .join('\n')
  return `# bash completion for live: add to ~/.bashrc with  eval "$(live completion bash)"
_live() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" words
  if [ "$COMP_CWORD" -eq 1 ]; then
    COMPREPLY=( $(compgen -W "${Object.keys(commandTable).join(' ')} --help --version" -- "$cur") )
    return
  fi
  case "\${COMP_WORDS[1]}" in
${cases}
    *) words="" ;;
  esac
  COMPREPLY=( $(compgen -W "$words" -- "$cur") )
}
complete -o default -F _live live
`
}

function zsh(): string {
  const commands = Object.entries(commandTable)
    .map(([name, spec]) => `    '${name}:${spec.summary.replace(/'/g, '')}'`)
    .join('\n')
  const cases = Object.entries(commandTable)
    .map(([name, spec]) => `    ${name}) compadd -- ${[...(spec.words ?? []), ...flagsOf(name)].join(' ')} ;;`)
    .join('\n')
  return `#compdef live
# zsh completion for live: save as _live in a directory of $fpath (e.g. live completion zsh > ~/.zfunc/_live)
_live() {
  local -a commands
  commands=(
${commands}
  )
  if (( CURRENT == 2 )); then
    _describe 'command' commands
    return
  fi
  case "\${words[2]}" in
${cases}
  esac
  _files
}
compdef _live live 2>/dev/null || true
`
}

function fish(): string {
  const lines = [
    '# fish completion for live: live completion fish > ~/.config/fish/completions/live.fish',
    'complete -c live -f',
  ]
  for (const [name, spec] of Object.entries(commandTable)) {
    lines.push(`complete -c live -n __fish_use_subcommand -a ${name} -d '${spec.summary.replace(/'/g, '')}'`)
    if (spec.words !== undefined)
      lines.push(`complete -c live -n '__fish_seen_subcommand_from ${name}' -a '${spec.words.join(' ')}'`)
    for (const [flag, f] of Object.entries(spec.flags ?? {})) {
      lines.push(
        `complete -c live -n '__fish_seen_subcommand_from ${name}' -l ${flag} -d '${f.help.replace(/'/g, '')}'`,
      )
    }
  }
  for (const [flag, f] of Object.entries(globalFlags))
    lines.push(`complete -c live -l ${flag} -d '${f.help.replace(/'/g, '')}'`)
  return `${lines.join('\n')}\n`
}

/** `live completion bash|zsh|fish`: prints the completion script. */
export const completion: CommandGroup = {
  async completion(ctx) {
    const shell = choiceArg(
      required(ctx.positionals, 0, 'a shell (bash, zsh or fish)', 'live completion bash|zsh|fish'),
      'shell',
      ['bash', 'zsh', 'fish'] as const,
    )
    const script = { bash, zsh, fish }[shell]()
    ctx.out.result(script.trimEnd(), { shell, script })
  },
}
