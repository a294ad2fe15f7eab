/** Message key for an FSRS state number (ts-fsrs State: 0 New, 1 Learning, 2 Review, 3 Relearning). */
export function stateLabelKey(state: number | undefined | null): string {
  switch (state) {
    case 1:
      return "state.learning";
    case 2:
      return "state.review";
    case 3:
      return "state.relearning";
    default:
      return "state.new";
  }
}
