-- The copydesk language server, in the shape of Neovim 0.11's `vim.lsp.config` and of the
-- configs in nvim-lspconfig's lsp/ folder. With this folder on the runtimepath, Neovim 0.11+
-- needs only
--
--   vim.lsp.enable("copydesk")
--
-- and settings can be added with
--
--   vim.lsp.config("copydesk", { settings = { copydesk = { referenceDate = "2026-03-04" } } })
--
-- require("copydesk").setup() does both, and on Neovim 0.7 to 0.10 starts the same
-- configuration itself. See :help copydesk.
return {
  -- `copydesk` runs the language server on standard input and output.
  cmd = { "copydesk" },
  filetypes = { "markdown", "text" },
  -- Drafts of one project share one copydesk; without a marker, each folder gets its own.
  root_markers = { ".git" },
  -- copydesk reads `settings.copydesk` (sent in workspace/didChangeConfiguration) and the same
  -- object as initializationOptions. vim.empty_dict(): an empty Lua table would be sent as [].
  settings = { copydesk = vim.empty_dict() },
  init_options = vim.empty_dict(),
}
