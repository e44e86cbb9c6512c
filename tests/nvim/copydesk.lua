-- copydesk for Neovim 0.7 or newer: checks Markdown and plain-text drafts as you write.
--
-- 1. Save this file as ~/.config/nvim/lua/copydesk.lua
-- 2. Add this line to ~/.config/nvim/init.lua:
--      require("copydesk").setup()
--    or, with settings:
--      require("copydesk").setup({ settings = { referenceDate = "2022-02-28" } })
--    If copydesk is not on your PATH, give its full path:
--      require("copydesk").setup({ cmd = { "/path/to/copydesk" } })
local M = {}

-- The project folder of a file: the nearest folder above it that holds .git,
-- or else the file's own folder. Drafts in one project share one copydesk.
local function root_of(bufnr)
  local name = vim.api.nvim_buf_get_name(bufnr)
  local start = name ~= "" and vim.fn.fnamemodify(name, ":p:h") or vim.fn.getcwd()
  local dir = start
  while true do
    if (vim.uv or vim.loop).fs_stat(dir .. "/.git") then
      return dir
    end
    local parent = vim.fn.fnamemodify(dir, ":h")
    if parent == dir then
      return start
    end
    dir = parent
  end
end

function M.setup(opts)
  opts = opts or {}
  local settings = opts.settings or {} -- e.g. { referenceDate = "2022-02-28" }
  local clients = {} -- project folder -> copydesk client id

  vim.api.nvim_create_autocmd("FileType", {
    group = vim.api.nvim_create_augroup("copydesk", { clear = true }),
    pattern = opts.filetypes or { "markdown", "text" },
    callback = function(args)
      -- Skip pop-ups and other special buffers (hover windows are Markdown too).
      if vim.bo[args.buf].buftype ~= "" then
        return
      end
      local config = {
        name = "copydesk",
        cmd = opts.cmd or { "copydesk" },
        root_dir = root_of(args.buf),
        init_options = settings, -- read by copydesk when it starts
        settings = { copydesk = settings }, -- answers workspace/configuration
      }
      if vim.fn.has("nvim-0.10") == 1 then
        -- vim.lsp.start reuses the client with the same name and folder.
        vim.lsp.start(config, { bufnr = args.buf })
        return
      end
      -- Neovim 0.7 to 0.9: one client per folder, kept in `clients`.
      local id = clients[config.root_dir]
      if not (id and vim.lsp.get_client_by_id(id)) then
        id = vim.lsp.start_client(config)
        clients[config.root_dir] = id
      end
      if id then
        vim.lsp.buf_attach_client(args.buf, id)
      end
    end,
  })
end

return M
