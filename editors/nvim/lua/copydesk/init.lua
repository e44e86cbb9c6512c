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

--- Jumps from a row of a fact-check sheet ("| [ ] | draft.md:12 | ...") to that line of the
--- draft the sheet was made from.
local function jump_to_row(sheet_buf)
  local draft = vim.b[sheet_buf].copydesk_draft
  local row = vim.api.nvim_get_current_line()
  local line = tonumber(row:match("^| %[.%] | [^|]-:(%d+) |"))
  if not (draft and line and vim.api.nvim_buf_is_valid(draft)) then
    return false
  end
  local window = vim.fn.bufwinid(draft)
  if window ~= -1 then
    vim.api.nvim_set_current_win(window)
  else
    vim.cmd("wincmd p")
    vim.api.nvim_win_set_buf(0, draft)
  end
  local last = vim.api.nvim_buf_line_count(draft)
  vim.api.nvim_win_set_cursor(0, { math.min(line, last), 0 })
  return true
end

--- Opens the fact-check sheet of a draft (the current buffer by default) as Markdown in a
--- scratch buffer beside it: every quote, name, date, figure and suppression with its status.
--- On a row, `gf` or <CR> jumps to that line of the draft.
function M.sheet(bufnr)
  if bufnr == nil or bufnr == 0 then
    bufnr = vim.api.nvim_get_current_buf()
  end
  local params = {
    command = "copydesk.sheet",
    arguments = { { uri = vim.uri_from_bufnr(bufnr), format = "md" } },
  }
  local get_clients = vim.lsp.get_clients or vim.lsp.get_active_clients
  local attached = false
  for _, client in ipairs(get_clients({ bufnr = bufnr })) do
    attached = attached or client.name == "copydesk"
  end
  if not attached then
    vim.notify("copydesk: not running for this buffer (open a Markdown or text draft)", vim.log.levels.WARN)
    return
  end
  vim.lsp.buf_request(bufnr, "workspace/executeCommand", params, function(err, result, ctx)
    local client = ctx and vim.lsp.get_client_by_id(ctx.client_id)
    if client and client.name ~= "copydesk" then
      return
    end
    if err or type(result) ~= "table" or type(result.content) ~= "string" then
      vim.notify("copydesk: no fact-check sheet: " .. tostring(err and err.message or "no answer"), vim.log.levels.ERROR)
      return
    end
    local sheet = vim.api.nvim_create_buf(false, true)
    vim.bo[sheet].bufhidden = "wipe"
    vim.api.nvim_buf_set_lines(sheet, 0, -1, false, vim.split(result.content, "\n", { plain = true }))
    vim.bo[sheet].modifiable = false
    vim.bo[sheet].filetype = "markdown"
    vim.b[sheet].copydesk_draft = bufnr
    pcall(vim.api.nvim_buf_set_name, sheet, "copydesk-sheet://" .. vim.api.nvim_buf_get_name(bufnr))
    -- Rows name the draft by its file name: the draft's folder on 'path' lets gF find it too.
    vim.bo[sheet].path = vim.fn.fnamemodify(vim.api.nvim_buf_get_name(bufnr), ":p:h") .. ",,"
    for _, key in ipairs({ "gf", "<CR>" }) do
      vim.keymap.set("n", key, function()
        if not jump_to_row(sheet) then
          vim.cmd("normal! " .. (key == "gf" and "gf" or "j"))
        end
      end, { buffer = sheet, desc = "copydesk: go to this row's line in the draft" })
    end
    vim.cmd("vsplit")
    vim.api.nvim_win_set_buf(0, sheet)
  end)
end

local function create_command()
  vim.api.nvim_create_user_command("CopydeskSheet", function()
    M.sheet(0)
  end, { desc = "copydesk: the fact-check sheet of this draft" })
end

--- Starts copydesk for Markdown and text buffers. Both options are optional:
---   cmd      the server command, default { "copydesk" }
---   settings copydesk's settings (see :help copydesk-settings), sent as settings.copydesk
---            and as init_options
function M.setup(opts)
  local config = M.config(opts)
  create_command()

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
