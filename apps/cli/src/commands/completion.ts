import { choiceArg, required } from '../cli/args.js'
import { type CommandSpec, completionWords, globalFlags } from '../cli/commandSpec.js'
import { commandTable } from '../cli/commandTable.js'
import type { CommandGroup } from '../cli/context.js'

const commands = Object.entries(commandTable as Readonly<Record<string, CommandSpec>>)

function bash(): string {
  const cases = commands.map(([name, spec]) => `    ${name}) words="${completionWords(spec).join(' ')}" ;;`).join('\n')
  return `# bash completion for live: add to ~/.bashrc with  eval "$(live completion bash)"
_live() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" words
  if [ "$COMP_CWORD" -eq 1 ]; then
    COMPREPLY=( $(compgen -W "${commands.map(([name]) => name).join(' ')} --help --version" -- "$cur") )
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
  const names = commands.map(([name, spec]) => `    '${name}:${spec.summary.replace(/'/g, '')}'`).join('\n')
  const cases = commands
    .map(([name, spec]) => `    ${name}) compadd -- ${completionWords(spec).join(' ')} ;;`)
    .join('\n')
  return `#compdef live
# zsh completion for live: save as _live in a directory of $fpath (e.g. live completion zsh > ~/.zfunc/_live)
_live() {
  local -a commands
  commands=(
${names}
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
  for (const [name, spec] of commands) {
    lines.push(`complete -c live -n __fish_use_subcommand -a ${name} -d '${spec.summary.replace(/'/g, '')}'`)
    const words = Object.values(spec.words ?? {}).flat()
    if (words.length > 0)
      lines.push(`complete -c live -n '__fish_seen_subcommand_from ${name}' -a '${words.join(' ')}'`)
    for (const [flag, f] of Object.entries(spec.flags ?? {})) {
      const values = f.choices === undefined ? '' : ` -xa '${f.choices.join(' ')}'`
      lines.push(
        `complete -c live -n '__fish_seen_subcommand_from ${name}' -l ${flag}${values} -d '${f.help.replace(/'/g, '')}'`,
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
      required(ctx.positionals, 0, 'a shell (bash, zsh or fish)', ctx.usage),
      'shell',
      commandTable.completion.words.shell,
    )
    const script = { bash, zsh, fish }[shell]()
    ctx.out.result(script.trimEnd(), { shell, script })
  },
}
