// Progressive enhancement only: every page works without this file.
// "复制引用" copies a passage's citation; without the clipboard API the text is selected for Ctrl+C.
document.addEventListener('click', async (event) => {
  const button = event.target instanceof Element ? event.target.closest('button[data-copy]') : null;
  if (!button) return;
  const field = document.getElementById(button.getAttribute('data-copy'));
  if (!field) return;
  field.select();
  try {
    await navigator.clipboard.writeText(field.value);
    button.textContent = '已复制';
  } catch {
    document.execCommand('copy');
    button.textContent = '已选中，按 Ctrl+C 复制';
  }
});
