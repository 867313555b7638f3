// What a user does in the pane, shared by the pane tests: run a check and open a tab.
import { act, fireEvent, screen, waitFor } from "@testing-library/react";

/** Clicks 検証 and waits for the status line that ends every check. */
export async function check(): Promise<void> {
  fireEvent.click(screen.getByRole("button", { name: "検証" }));
  await waitFor(() => expect(screen.getByRole("status")).toHaveTextContent("件の指摘"));
}

/** Fluent's tab indicator animates on the next frame: let it run inside act(). */
export async function openTab(name: string): Promise<void> {
  fireEvent.click(screen.getByRole("tab", { name: new RegExp(`^${name}`) }));
  await act(() => new Promise<void>((resolve) => requestAnimationFrame(() => resolve())));
}
