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

// Search-as-you-type: completions from the corpus's own phrases (GET /api/suggest) in the box's datalist.
const box = document.getElementById('q');
const list = document.getElementById('suggestions');
if (box && list) {
  let timer = 0;
  box.addEventListener('input', () => {
    clearTimeout(timer);
    const words = box.value.split(/\s+/);
    const last = words[words.length - 1];
    if (!last) return;
    timer = setTimeout(async () => {
      const res = await fetch('/api/suggest?q=' + encodeURIComponent(last));
      if (!res.ok) return;
      const { suggestions } = await res.json();
      const head = words.slice(0, -1).join(' ');
      list.replaceChildren(...suggestions.map((s) => Object.assign(document.createElement('option'), { value: (head ? head + ' ' : '') + s.text, label: `${s.regions} 个地区 · ${s.count} 次` })));
    }, 150);
  });
}
