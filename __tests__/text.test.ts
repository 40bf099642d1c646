import { describe, expect, it } from '@jest/globals'
import { brief, clip, escapeMarkdown, hasControlChar } from '../src/text.js'

describe('clip', () => {
  it('puts text on one line and cuts it with an ellipsis', () => {
    expect(clip('a\r\n::error::b\u0007\u2028c', 100)).toBe('a ::error::b c')
    expect(clip('abcdef', 4)).toBe('abc…')
  })
})

describe('brief', () => {
  it('keeps the visible text of HTML', () => {
    expect(brief('<p>Scan <b>failed</b>:<br/>SSH &amp; root &lt;on&gt;</p>', 100)).toBe(
      'Scan failed: SSH & root <on>'
    )
  })

  it('copes with a flood of unclosed tags', () => {
    expect(brief('<'.repeat(1_000_000), 10)).toBe('<<<<<<<<<…')
  })
})

describe('escapeMarkdown', () => {
  it('turns every character that could start markup into an entity', () => {
    expect(escapeMarkdown('a|b <i> *x* _y_ `z` [l](u) ~s~ \\ &')).toBe(
      'a&#124;b &#60;i&#62; &#42;x&#42; &#95;y&#95; &#96;z&#96; &#91;l&#93;(u) &#126;s&#126; &#92; &#38;'
    )
  })

  it('breaks autolinks and mentions', () => {
    expect(escapeMarkdown('https://x.example www.y.example @team a@b')).toBe(
      'https&#58;//x.example www&#46;y.example &#64;team a&#64;b'
    )
  })
})

describe('hasControlChar', () => {
  it('finds C0 and C1 control characters, not ordinary text', () => {
    expect(['\n', '\u0000', '\u007f', '\u0085'].map(hasControlChar)).toEqual([
      true,
      true,
      true,
      true
    ])
    expect(hasControlChar('contoso-vm_1.2 é')).toBe(false)
  })
})
