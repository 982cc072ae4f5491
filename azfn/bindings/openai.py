"""Azure OpenAI extension: assistants, completions, embeddings, semantic search.

Numeric knobs (``temperature``, ``top_p``, ``max_tokens``) are strings, as the
extension reads them; model names are deployment names or model ids.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from azfn.bindings._base import InputBinding
from azfn.bindings._base import OutputBinding
from azfn.bindings._base import Trigger
from azfn.enums import DataType
from azfn.enums import StringifyEnum

if TYPE_CHECKING:
    from typing_extensions import Self

__all__ = [
    "AssistantCreateOutput",
    "AssistantPostInput",
    "AssistantQueryInput",
    "AssistantSkillTrigger",
    "EmbeddingsInput",
    "EmbeddingsStoreOutput",
    "InputType",
    "OpenAIModels",
    "SemanticSearchInput",
    "TextCompletionInput",
    "semantic_search_system_prompt",
]


class _OpenEnum(str, StringifyEnum):
    """An enum of well-known values where any other string is valid too."""

    def json_value(self) -> object:
        """Return the value: what the extension reads."""
        return self.value

    @classmethod
    def parse(cls, value: object) -> Self | str:
        """Keep a member, or any string, unchanged."""
        if isinstance(value, (cls, str)):
            return value
        raise ValueError(f"expected a string or a {cls.__name__} member, got {value!r}")


class InputType(_OpenEnum):
    """What the ``input`` of an embeddings binding is."""

    # Fix: the reference's RawText is the tuple ("raw_text",) and members
    # were rendered by name; the value is what the extension reads.
    RawText = "raw_text"
    FilePath = "file_path"


class OpenAIModels(_OpenEnum):
    """The extension's default models; any other model id works too."""

    # Fix: rendered by value (the model id), not by name ("DefaultChatModel").
    DefaultChatModel = "gpt-3.5-turbo"
    DefaultEmbeddingsModel = "text-embedding-ada-002"


#: The default system prompt of :class:`SemanticSearchInput` (the extension's
#: own default, indentation included).
semantic_search_system_prompt = (
    "You are a helpful assistant. You are responding to requests\n"
    "    from a user about internal emails and documents. You can and\n"
    "    should refer to the internal documents to help respond to\n"
    "    requests. If a user makes a request that's not covered by the\n"
    "    internal emails and documents, explain that you don't know the\n"
    "    answer or that you don't have access to the information.\n"
    "\n"
    "    The following is a list of documents that you can refer to when\n"
    "    answering questions. The documents are in the format\n"
    "    [filename]: [text] and are separated by newlines. If you answer\n"
    "    a question by referencing any of the documents, please cite the\n"
    "    document in your answer. For example, if you answer a question\n"
    '    by referencing info.txt, you should add "Reference: info.txt"\n'
    "    to the end of your answer on a separate line."
)


class AssistantSkillTrigger(Trigger):
    """Expose the function to assistants as a skill (a callable tool)."""

    type = "assistantSkillTrigger"
    arg_name: str
    function_description: str
    """What the skill does, for the model to decide when to call it."""
    function_name: str | None = None
    """The skill's name; defaults to the function's."""
    parameter_description_json: str | None = None
    """JSON schema of the skill's parameter."""
    data_type: DataType | str | None = None


class TextCompletionInput(InputBinding):
    """Pass the model's completion of *prompt*."""

    type = "textCompletion"
    arg_name: str
    prompt: str
    """The prompt; ``{name}`` parts bind trigger data."""
    ai_connection_name: str | None = ""
    """Prefix of the settings of the AI service connection; empty: the
    extension's defaults."""
    chat_model: OpenAIModels | str | None = OpenAIModels.DefaultChatModel
    """Model id or deployment name."""
    temperature: str | None = "0.5"
    top_p: str | None = None
    max_tokens: str | None = "100"
    is_reasoning_model: bool | None = False
    """The model is a reasoning model (o1 and later)."""
    data_type: DataType | str | None = None


class AssistantCreateOutput(OutputBinding):
    """Create an assistant (a chat bot with a system prompt)."""

    type = "assistantCreate"
    arg_name: str
    data_type: DataType | str | None = None


class AssistantQueryInput(InputBinding):
    """Pass an assistant's chat history since *timestamp_utc*."""

    type = "assistantQuery"
    arg_name: str
    id: str
    """The assistant's id."""
    timestamp_utc: str
    chat_storage_connection_setting: str | None = "AzureWebJobsStorage"
    """App setting of the table storage that keeps the chat state."""
    collection_name: str | None = "ChatState"
    data_type: DataType | str | None = None


class AssistantPostInput(InputBinding):
    """Send *user_message* to an assistant and pass its reply."""

    type = "assistantPost"
    arg_name: str
    id: str
    """The assistant's id."""
    user_message: str
    ai_connection_name: str | None = ""
    chat_model: OpenAIModels | str | None = OpenAIModels.DefaultChatModel
    chat_storage_connection_setting: str | None = "AzureWebJobsStorage"
    collection_name: str | None = "ChatState"
    temperature: str | None = "0.5"
    top_p: str | None = None
    max_tokens: str | None = "100"
    is_reasoning_model: bool | None = False
    data_type: DataType | str | None = None


class EmbeddingsInput(InputBinding):
    """Pass the embeddings of *input* (text, a file or a URL)."""

    type = "embeddings"
    arg_name: str
    input: str
    input_type: InputType | str
    """How to read *input*: ``raw_text``, ``file_path`` or ``url``."""
    ai_connection_name: str | None = ""
    embeddings_model: OpenAIModels | str | None = OpenAIModels.DefaultEmbeddingsModel
    max_chunk_length: int | None = 8192
    max_overlap: int | None = 128
    data_type: DataType | str | None = None


class SemanticSearchInput(InputBinding):
    """Answer *query* from the documents of a vector search collection."""

    type = "semanticSearch"
    arg_name: str
    search_connection_name: str
    """App setting (or prefix) of the vector search provider's connection."""
    collection: str
    query: str | None = None
    ai_connection_name: str | None = ""
    embeddings_model: OpenAIModels | str | None = OpenAIModels.DefaultEmbeddingsModel
    chat_model: OpenAIModels | str | None = OpenAIModels.DefaultChatModel
    system_prompt: str | None = semantic_search_system_prompt
    max_knowledge_count: int | None = 1
    """Documents given to the model as knowledge."""
    temperature: str | None = "0.5"
    top_p: str | None = None
    max_tokens: str | None = "100"
    is_reasoning_model: bool | None = False
    data_type: DataType | str | None = None


class EmbeddingsStoreOutput(OutputBinding):
    """Compute the embeddings of *input* and store them in a collection."""

    type = "embeddingsStore"
    arg_name: str
    input: str
    input_type: InputType | str
    store_connection_name: str
    """App setting (or prefix) of the vector store's connection."""
    collection: str
    ai_connection_name: str | None = ""
    embeddings_model: OpenAIModels | str | None = OpenAIModels.DefaultEmbeddingsModel
    max_chunk_length: int | None = 8192
    max_overlap: int | None = 128
    data_type: DataType | str | None = None
