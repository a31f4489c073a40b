// Searching as the reader types, shared by the county's search page and the province portal: a
// search 250 ms after the last keystroke, at once on Enter (the form's submit, which the page
// handles itself instead of reloading).
export function searchAsTyped(form: HTMLFormElement, input: HTMLInputElement, run: () => unknown): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(run, 250);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    void run();
  });
}
