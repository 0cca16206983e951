/**
 * The baseline of the tap-to-judgement benchmark: a minimal page where a tap
 * on a button changes a text (the "judgement"), measured exactly as the app:
 * from the input event on the button to the frame after the text appears.
 */
const button = document.querySelector<HTMLButtonElement>('[data-key="act"]')!;
const toast = document.querySelector<HTMLElement>('.toast')!;
const closeButton = document.querySelector<HTMLButtonElement>('.toast-close')!;
let n = 0;
button.addEventListener('click', () => {
  n += 1;
  toast.textContent = `Judgement ${n}`;
  toast.hidden = false;
});
closeButton.addEventListener('click', () => {
  toast.textContent = '';
  toast.hidden = true;
});
document.body.dataset.ready = 'true';
export {};
