-- ~/.config/nvim/init.lua: copydesk in Neovim 0.7 or newer, without a plugin manager.
-- It expects the copydesk repository in ~/copydesk (change the path if you cloned it elsewhere)
-- and the copydesk program on your PATH (`cargo install --path .` in the repository).
vim.opt.runtimepath:append(vim.fn.expand("~/copydesk/editors/nvim"))
require("copydesk").setup({
  -- cmd = { "/full/path/to/copydesk" }, -- if copydesk is not on your PATH
  settings = {
    -- referenceDate = "2026-03-04", -- publication date for drafts whose front matter has none
    rules = { ["unsourced-figure"] = "information" }, -- figures as information, not warnings
  },
})
