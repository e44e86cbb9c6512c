-- copydesk for Neovim: starts the copydesk language server for Markdown and plain-text drafts.
--
--   require("copydesk").setup()                                   -- copydesk on PATH
--   require("copydesk").setup({
--     cmd = { "/full/path/to/copydesk" },                           -- optional
--     settings = { referenceDate = "2026-03-04", rules = { ["unsourced-figure"] = "information" } },
--   })
--
-- Neovim 0.11 and later: vim.lsp.config + vim.lsp.enable, on top of lsp/copydesk.lua.
-- Neovim 0.8 to 0.10: vim.lsp.start from a FileType autocommand.
-- Neovim 0.7: vim.lsp.start_client + vim.lsp.buf_attach_client, one client per project folder.
-- See :help copydesk.

local M = {}

local uv = vim.uv or vim.loop

-- What lsp/copydesk.lua says, when this plugin's folder is on the runtimepath (the file a user
-- may also have overridden with their own lsp/copydesk.lua, as Neovim 0.11 allows).
local function defaults()
  local file = vim.api.nvim_get_runtime_file("lsp/copydesk.lua", false)[1]
  if file then
    local ok, config = pcall(dofile, file)
    if ok and type(config) == "table" then
      return config
    end
  end
  return { cmd = { "copydesk" }, filetypes = { "markdown", "text" }, root_markers = { ".git" } }
end

-- Settings as copydesk's JSON: every empty table becomes an empty object, which Neovim's JSON
-- encoder would otherwise send as [] (and copydesk would report as a wrong value).
local function as_object(value)
  if type(value) ~= "table" then
    return value
  end
  if next(value) == nil then
    return vim.empty_dict()
  end
  local copy = {}
  for key, item in pairs(value) do
    copy[key] = as_object(item)
  end
  return copy
end

-- The project folder of a buffer: the nearest folder above its file holding one of the
-- markers, or else the file's own folder.
local function root_of(bufnr, markers)
  local name = vim.api.nvim_buf_get_name(bufnr)
  local start = name ~= "" and vim.fn.fnamemodify(name, ":p:h") or vim.fn.getcwd()
  local dir = start
  while true do
    for _, marker in ipairs(markers or {}) do
      if uv.fs_stat(dir .. "/" .. marker) then
        return dir
      end
    end
    local parent = vim.fn.fnamemodify(dir, ":h")
    if parent == dir then
      return start
    end
    dir = parent
  end
end

--- The configuration setup() uses, from lsp/copydesk.lua and the options.
--- @param opts table|nil { cmd = {...}, settings = {...}, filetypes = {...}, root_markers = {...} }
function M.config(opts)
  opts = opts or {}
  local base = defaults()
  local settings = as_object(opts.settings or {})
  return {
    name = "copydesk",
    cmd = opts.cmd or base.cmd,
    filetypes = opts.filetypes or base.filetypes,
    root_markers = opts.root_markers or base.root_markers,
    -- Answers workspace/didChangeConfiguration as {"copydesk": {...}}.
    settings = { copydesk = settings },
    -- Read by copydesk when it starts.
    init_options = settings,
  }
end

-- Neovim 0.7 to 0.10: starts (or reuses) the client for one buffer.
local clients = {} -- project folder -> client id, for Neovim 0.7

local function attach(bufnr, config)
  if not vim.api.nvim_buf_is_valid(bufnr) or vim.bo[bufnr].buftype ~= "" then
    -- Pop-ups and other special buffers (hover windows are Markdown too) are not drafts.
    return
  end
  local client_config = {
    name = config.name,
    cmd = config.cmd,
    root_dir = root_of(bufnr, config.root_markers),
    settings = config.settings,
    init_options = config.init_options,
  }
  if vim.fn.has("nvim-0.8") == 1 then
    -- vim.lsp.start reuses the client with the same name and folder; on 0.8 it attaches the
    -- current buffer, hence nvim_buf_call.
    vim.api.nvim_buf_call(bufnr, function()
      vim.lsp.start(client_config, { bufnr = bufnr })
    end)
    return
  end
  local id = clients[client_config.root_dir]
  if not (id and vim.lsp.get_client_by_id(id)) then
    id = vim.lsp.start_client(client_config)
    clients[client_config.root_dir] = id
  end
  if id then
    vim.lsp.buf_attach_client(bufnr, id)
  end
end

--- Starts copydesk for Markdown and text buffers. Both options are optional:
---   cmd      the server command, default { "copydesk" }
---   settings copydesk's settings (see :help copydesk-settings), sent as settings.copydesk
---            and as init_options
function M.setup(opts)
  local config = M.config(opts)

  if vim.fn.has("nvim-0.11") == 1 then
    vim.lsp.config("copydesk", {
      cmd = config.cmd,
      filetypes = config.filetypes,
      root_markers = config.root_markers,
      settings = config.settings,
      init_options = config.init_options,
    })
    vim.lsp.enable("copydesk")
    return
  end

  local filetypes = {}
  for _, filetype in ipairs(config.filetypes) do
    filetypes[filetype] = true
  end
  vim.api.nvim_create_autocmd("FileType", {
    group = vim.api.nvim_create_augroup("copydesk", { clear = true }),
    pattern = config.filetypes,
    callback = function(args)
      attach(args.buf, config)
    end,
  })
  -- Drafts already open when setup() runs (a plugin manager loading copydesk lazily).
  for _, bufnr in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_is_loaded(bufnr) and filetypes[vim.bo[bufnr].filetype] then
      attach(bufnr, config)
    end
  end
end

return M
