/**
 * Shows the field group of the field a document was opened at.
 *
 * Click-to-edit in the Presentation tool opens a document at the clicked field (`path=startsAt`).
 * When the document is already open, the Studio switches to the group holding that field; when
 * it opens the document fresh, it keeps the type's default group (Studio 5.31: the form's first
 * open path is set without the group change that later ones get), so clicking a meeting's time
 * opened the meeting on "What", with the time hidden under "When and where". This selects the
 * group of the focused top-level field whenever that field changes, as the Studio does for later
 * paths; a group the editor picks afterwards is left alone.
 */
import { useEffect } from 'react'
import { isObjectInputProps, type InputProps, type ObjectInputProps } from 'sanity'

function RevealFocusedGroup(props: ObjectInputProps) {
  const { focusPath, groups, onFieldGroupSelect, schemaType } = props
  const field = typeof focusPath[0] === 'string' ? focusPath[0] : undefined
  useEffect(() => {
    if (!field) return
    const selected = groups.find((group) => group.selected)
    // "All fields" holds every field; a group listing the field already shows it.
    if (!selected || selected.name === 'all-fields' || selected.fields.some((member) => member.name === field)) return
    const fieldGroups = schemaType.fields.find((member) => member.name === field)?.group
    const target = [fieldGroups ?? []].flat()[0]
    if (target) onFieldGroupSelect(target)
    // Only when the focused field changes: not when the editor picks another group afterwards.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [field])
  return props.renderDefault(props)
}

/** `form.components.input`: documents (the form's root object) reveal the group of the field they open at. */
export function revealFocusedGroupInput(props: InputProps) {
  if (isObjectInputProps(props) && props.path.length === 0 && props.groups.length > 0) return <RevealFocusedGroup {...props} />
  return props.renderDefault(props)
}
